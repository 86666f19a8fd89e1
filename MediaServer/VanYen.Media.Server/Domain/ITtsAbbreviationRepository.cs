namespace VanYen.Media.Server.Domain;

/// <summary>The abbreviations the text-to-speech front end expands; users can add their own.</summary>
public interface ITtsAbbreviationRepository
{
    /// <summary>Every abbreviation, longest first so "HĐND" is tried before "HĐ".</summary>
    Task<IReadOnlyList<TtsAbbreviation>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the abbreviation or replaces its expansion.</summary>
    /// <exception cref="DomainValidationException">Empty abbreviation (or one with spaces) or empty expansion.</exception>
    Task SetAsync(TtsAbbreviation abbreviation, CancellationToken cancellationToken = default);

    /// <summary>Removes one; false when there was none.</summary>
    Task<bool> DeleteAsync(string abbreviation, CancellationToken cancellationToken = default);
}
