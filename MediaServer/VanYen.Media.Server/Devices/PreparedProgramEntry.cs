using VanYen.Media.Signaling.Contracts.Devices;

namespace VanYen.Media.Server.Devices;

/// <summary>A prepared program the server holds for download, and the clusters it is for.</summary>
internal sealed record PreparedProgramEntry(PreparedProgram Program, string Path, IReadOnlySet<long> ClusterIds);
