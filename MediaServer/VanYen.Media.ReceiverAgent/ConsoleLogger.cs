using Microsoft.Extensions.Logging;

namespace VanYen.Media.ReceiverAgent;

/// <summary>A minimal logger for the console program: one line per message on standard error.</summary>
internal sealed class ConsoleLogger(LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.Error.WriteLine($"{DateTimeOffset.Now:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}");
        }
    }
}
