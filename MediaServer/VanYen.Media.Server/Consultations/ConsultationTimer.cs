namespace VanYen.Media.Server.Consultations;

/// <summary>Every <see cref="ConsultationOptions.QualityInterval"/>: the doctors' quality pushes and the ending of due calls.</summary>
public sealed partial class ConsultationTimer(ConsultationService consultations, Microsoft.Extensions.Options.IOptions<ConsultationOptions> options, TimeProvider time, ILogger<ConsultationTimer> logger) : IHostedService, IDisposable
{
    private ITimer? _timer;
    private int _running;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        TimeSpan interval = options.Value.QualityInterval;
        _timer = time.CreateTimer(_ => _ = TickAsync(), null, interval, interval);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        await consultations.EndAllAsync();
    }

    /// <inheritdoc/>
    public void Dispose() => _timer?.Dispose();

    private async Task TickAsync()
    {
        // A slow tick (closing rooms) is never overlapped by the next one.
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            consultations.PushQuality();
            await consultations.EndDueAsync();
        }
        catch (Exception failure)
        {
            LogTickFailed(logger, failure);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The consultations' timer tick failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
