namespace VanYen.Media.Engine.Forwarding;

/// <summary>
/// The m= sections a browser offers to join a call, fixed so that nobody renegotiates when others come and go:
/// its own microphone (mid "0", audio, sendonly) and camera (mid "1", video, sendonly), then one slot per other
/// participant, each an audio and a video m-line the browser receives on (recvonly). The server answers the slots
/// sendonly with its own SSRCs (and RTX SSRCs) and tells each browser which participant is in which slot.
/// </summary>
public static class ForwardingLayout
{
    /// <summary>At most this many people in a call (doctor, patient, family member, interpreter).</summary>
    public const int MaxParticipants = 4;

    /// <summary>Slots for the others.</summary>
    public const int SlotCount = MaxParticipants - 1;

    /// <summary>The mid of the browser's own audio.</summary>
    public const string OwnAudioMid = "0";

    /// <summary>The mid of the browser's own video.</summary>
    public const string OwnVideoMid = "1";

    /// <summary>The mid of slot <paramref name="slot"/>'s audio: "2", "4", "6".</summary>
    public static string SlotAudioMid(int slot) => (2 + (2 * slot)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The mid of slot <paramref name="slot"/>'s video: "3", "5", "7".</summary>
    public static string SlotVideoMid(int slot) => (3 + (2 * slot)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
