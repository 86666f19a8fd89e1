using VanYen.Media.Integration.Tests.Domain;
using VanYen.Media.Server.Auth;

namespace VanYen.Media.Integration.Tests.Auth;

public sealed class SignedOutSessionsTests
{
    [Fact]
    public async Task AnEndedSessionStaysEndedAfterARestartAndOthersAreNot()
    {
        using var database = new DomainTestDatabase();
        var sessions = new SignedOutSessions(database.Transactions, database.Time);
        await sessions.EndAsync("session-a", CancellationToken.None);
        Assert.True(sessions.IsEnded("session-a"));
        Assert.False(sessions.IsEnded("session-b"));

        using DomainTestDatabase restarted = database.Restart();
        var afterRestart = new SignedOutSessions(restarted.Transactions, restarted.Time);
        Assert.True(afterRestart.IsEnded("session-a"));
        Assert.False(afterRestart.IsEnded("session-b"));
    }

    [Fact]
    public async Task AnEntryIsForgottenOnceNoCredentialOfThatSignInCanStillBeValid()
    {
        using var database = new DomainTestDatabase();
        var sessions = new SignedOutSessions(database.Transactions, database.Time);
        await sessions.EndAsync("old", CancellationToken.None);
        database.Time.Advance(UserAuthenticationServiceCollectionExtensions.SignInLifetime - TimeSpan.FromMinutes(1));
        Assert.True(sessions.IsEnded("old"));

        database.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(sessions.IsEnded("old"));
        await sessions.EndAsync("new", CancellationToken.None);
        Assert.Equal(1, database.ExecuteRaw("DELETE FROM signed_out_sessions WHERE session_id = 'new'"));
        Assert.Equal(0, database.ExecuteRaw("DELETE FROM signed_out_sessions WHERE session_id = 'old'"));
    }
}
