namespace VanYen.Media.Server.Domain.Sqlite;

/// <summary>TTS abbreviations in SQLite (migration 2 stores a starter set).</summary>
public sealed class SqliteTtsAbbreviationRepository : ITtsAbbreviationRepository
{
    private readonly SqliteDomainTransactions _connections;

    public SqliteTtsAbbreviationRepository(SqliteDomainTransactions connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TtsAbbreviation>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        using var lease = _connections.Open();
        using var command = lease.Command("SELECT abbreviation, expansion FROM tts_abbreviations ORDER BY length(abbreviation) DESC, abbreviation");
        var abbreviations = new List<TtsAbbreviation>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            abbreviations.Add(new TtsAbbreviation(reader.GetString(0), reader.GetString(1)));
        }

        return abbreviations;
    }

    /// <inheritdoc />
    public async Task SetAsync(TtsAbbreviation abbreviation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(abbreviation);
        string written = abbreviation.Abbreviation?.Trim() ?? string.Empty;
        if (written.Length is 0 or > 32 || written.Any(char.IsWhiteSpace))
        {
            throw new DomainValidationException(DomainErrors.InvalidAbbreviation, "An abbreviation is 1 to 32 characters without spaces.");
        }

        string expansion = DomainValidation.Name(abbreviation.Expansion, "expansion");
        using var lease = _connections.Open();
        using var upsert = lease.Command(
            """
            INSERT INTO tts_abbreviations (abbreviation, expansion) VALUES ($abbreviation, $expansion)
            ON CONFLICT (abbreviation) DO UPDATE SET expansion = excluded.expansion
            """);
        upsert.Parameters.AddWithValue("$abbreviation", written);
        upsert.Parameters.AddWithValue("$expansion", expansion);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string abbreviation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(abbreviation);
        using var lease = _connections.Open();
        using var delete = lease.Command("DELETE FROM tts_abbreviations WHERE abbreviation = $abbreviation");
        delete.Parameters.AddWithValue("$abbreviation", abbreviation.Trim());
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
