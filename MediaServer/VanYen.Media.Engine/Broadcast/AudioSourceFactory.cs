using VanYen.Media.Engine.Sources;

namespace VanYen.Media.Engine.Broadcast;

/// <summary>
/// Opens a fresh source for one play of a program: called once per repetition (0, 1, 2…), so a bulletin repeated
/// three times reads its file or TTS render three times. The engine disposes each source when it is done with it.
/// </summary>
public delegate ValueTask<IAudioSource> AudioSourceFactory(int repetition, CancellationToken cancellationToken);
