namespace VanYen.Media.Engine.Rooms;

/// <summary>A room request that cannot be served; <see cref="Exception.Message"/> says why, for the caller to show.</summary>
public sealed class RoomException : Exception
{
    public RoomException()
    {
    }

    public RoomException(string message)
        : base(message)
    {
    }

    public RoomException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
