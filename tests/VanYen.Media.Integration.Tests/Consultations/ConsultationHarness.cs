using System.Security.Claims;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VanYen.Media.Server.Auth;
using VanYen.Media.Server.Consultations;
using VanYen.Media.Server.Domain;
using VanYen.Media.Signaling.Contracts.Consultations;

namespace VanYen.Media.Integration.Tests.Consultations;

/// <summary>A <see cref="ConsultationService"/> on a fake SFU and a fake clock, recording every push.</summary>
internal sealed class ConsultationHarness
{
    public ConsultationHarness(ConsultationOptions? options = null)
    {
        Service = new ConsultationService(Forwarding, Microsoft.Extensions.Options.Options.Create(options ?? new ConsultationOptions()), Time, NullLogger<ConsultationService>.Instance);
        Service.Pushed += (_, push) =>
        {
            lock (Pushes)
            {
                Pushes.Add(push);
            }
        };
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public FakeForwardingService Forwarding { get; } = new();

    public ConsultationService Service { get; }

    public List<ConsultationPush> Pushes { get; } = [];

    public User Doctor { get; } = new(7, "bacsi.huyen", "Bác sĩ Huyền", "hash", UserRole.Viewer, 1, DateTimeOffset.UnixEpoch);

    public User OtherUser { get; } = new(8, "xem.huyen", "Cán bộ xem", "hash", UserRole.Viewer, 1, DateTimeOffset.UnixEpoch);

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    public ClaimsPrincipal DoctorPrincipal => UserClaims.CreatePrincipal(Doctor, "test-session", "test");

    public static string TokenOf(string link) => Uri.UnescapeDataString(link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);

    /// <summary>Messages of <paramref name="method"/> sent to <paramref name="connectionId"/>.</summary>
    public List<T> PushedTo<T>(string connectionId, string method)
    {
        lock (Pushes)
        {
            return [.. Pushes.Where(push => push.Method == method && push.ConnectionIds.Contains(connectionId)).Select(push => (T)push.Message)];
        }
    }

    /// <summary>Opens a consultation and joins the doctor on connection "doctor".</summary>
    public async Task<ConsultationCreated> OpenWithDoctorAsync()
    {
        ConsultationCreated created = Service.Open(Doctor);
        await Service.JoinAsync(DoctorPrincipal, "doctor", created.Id, null, null, CancellationToken.None);
        return created;
    }

    /// <summary>A new guest link's token joined on <paramref name="connectionId"/> as <paramref name="name"/>.</summary>
    public async Task<ConsultJoinResponse> JoinGuestAsync(string consultationId, string token, string connectionId, string name) =>
        await Service.JoinAsync(Anonymous, connectionId, consultationId, token, name, CancellationToken.None);
}
