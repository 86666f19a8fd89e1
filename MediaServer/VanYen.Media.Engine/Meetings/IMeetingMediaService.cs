namespace VanYen.Media.Engine.Meetings;

/// <summary>The audio bridges of the meetings (họp trực tuyến) that are open: one <see cref="IMeetingMedia"/> per meeting.</summary>
public interface IMeetingMediaService
{
    /// <summary>The bridge of <paramref name="meetingId"/>, created on first use.</summary>
    IMeetingMedia Open(string meetingId);

    /// <summary>The bridge of <paramref name="meetingId"/> if it is open.</summary>
    bool TryGet(string meetingId, out IMeetingMedia media);

    /// <summary>Ends every participant's media, stops a recording and forgets the bridge; unknown ids are ignored.</summary>
    ValueTask CloseAsync(string meetingId);
}
