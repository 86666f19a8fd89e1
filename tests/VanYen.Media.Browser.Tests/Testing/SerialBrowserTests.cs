// Every browser test runs Chromium's real-time audio (and some three browsers at once) against a real server; on a
// 2-core machine two such tests side by side starve each other's 20 ms clocks and the audio they compare breaks up.
// One test class at a time keeps the correlations about the code, not the scheduler.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
