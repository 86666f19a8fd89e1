namespace VanYen.Media.Integration.Tests.Consultations;

/// <summary>Hub pushes as they arrive, and a wait for the first one that matches.</summary>
internal sealed class MessageQueue<T>
{
    private readonly List<T> _messages = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public void Add(T message)
    {
        lock (_messages)
        {
            _messages.Add(message);
        }

        _arrived.Release();
    }

    public async Task<T> WaitForAsync(Func<T, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (_messages)
            {
                foreach (T message in _messages)
                {
                    if (match(message))
                    {
                        return message;
                    }
                }
            }

            try
            {
                await _arrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException exception)
            {
                throw new TimeoutException($"no matching {typeof(T).Name} within {timeout}; got {_messages.Count}", exception);
            }
        }
    }
}
