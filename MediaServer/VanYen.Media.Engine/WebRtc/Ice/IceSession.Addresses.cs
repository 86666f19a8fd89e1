using System.Net;

namespace VanYen.Media.Engine.WebRtc.Ice;

// The validated-address set: a small array (8 by default), scanned linearly, changed only under the agent's lock.
public sealed partial class IceSession
{
    internal int AddressCount => _addressCount;

    internal SocketAddress AddressAt(int index) => _addresses[index]!;

    internal long LastCheckUtcTicksAt(int index) => _lastCheckUtcTicks[index];

    internal int IndexOf(SocketAddress address)
    {
        for (int i = 0; i < _addressCount; i++)
        {
            if (SocketAddressComparer.Instance.Equals(_addresses[i], address))
            {
                return i;
            }
        }

        return -1;
    }

    internal void Touch(int index, long nowUtcTicks) => _lastCheckUtcTicks[index] = nowUtcTicks;

    /// <summary>
    /// Adds <paramref name="copy"/> (an agent-owned copy). When the set is full the least recently checked
    /// address other than the selected one is evicted and returned, so the caller can unmap it.
    /// </summary>
    internal SocketAddress? Add(SocketAddress copy, long nowUtcTicks, out int index)
    {
        SocketAddress? evicted = null;
        if (_addressCount == _addresses.Length)
        {
            int oldest = -1;
            for (int i = 0; i < _addressCount; i++)
            {
                if (!ReferenceEquals(_addresses[i], _selected)
                    && (oldest < 0 || _lastCheckUtcTicks[i] < _lastCheckUtcTicks[oldest]))
                {
                    oldest = i;
                }
            }

            // Only the selected address is left (a set of one): it makes way for the new one.
            oldest = Math.Max(oldest, 0);
            evicted = _addresses[oldest];
            RemoveAt(oldest);
        }

        index = _addressCount;
        _addresses[index] = copy;
        _lastCheckUtcTicks[index] = nowUtcTicks;
        _addressCount++;
        return evicted;
    }

    /// <summary>Removes the address at <paramref name="index"/>; clears the selection when it was the selected one.</summary>
    internal void RemoveAt(int index)
    {
        if (ReferenceEquals(_addresses[index], _selected))
        {
            _selected = null;
        }

        _addressCount--;
        _addresses[index] = _addresses[_addressCount];
        _lastCheckUtcTicks[index] = _lastCheckUtcTicks[_addressCount];
        _addresses[_addressCount] = null;
        _lastCheckUtcTicks[_addressCount] = 0;
    }

    internal void Select(int index) => _selected = _addresses[index];

    internal void ClearAddresses()
    {
        Array.Clear(_addresses);
        Array.Clear(_lastCheckUtcTicks);
        _addressCount = 0;
        _selected = null;
    }
}
