"""The pygame game: the App and its loop (app.py), screens (screens/), widgets, text, looks, speech,
settings, and the demo's autoplayer. ``harness.py`` builds any screen headless for tests and benchmarks."""
