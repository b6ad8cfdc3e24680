namespace Isms.Core.Access;

/// <summary>
/// The ordered classification levels, lowest first. Records store a level's rank, so levels may be
/// renamed or added at the top, but never reordered.
/// </summary>
public sealed class ClassificationScale
{
    /// <summary>Public, Internal, Sensitive, Confidential.</summary>
    public static readonly IReadOnlyList<string> DefaultLevels = ["Public", "Internal", "Sensitive", "Confidential"];

    /// <summary>A scale of distinct, non-empty level names, lowest first.</summary>
    public ClassificationScale(IReadOnlyList<string> levels)
    {
        if (levels.Count == 0)
        {
            throw new ArgumentException("At least one classification level is needed.", nameof(levels));
        }

        if (levels.Any(string.IsNullOrWhiteSpace) || levels.Distinct(StringComparer.OrdinalIgnoreCase).Count() != levels.Count)
        {
            throw new ArgumentException("Classification levels must be distinct and not empty.", nameof(levels));
        }

        Levels = levels;
    }

    /// <summary>The level names, lowest first.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>The rank of the lowest level, readable by everyone in scope.</summary>
    public const int Lowest = 0;

    /// <summary>The rank of the highest level.</summary>
    public int Highest => Levels.Count - 1;

    /// <summary>Whether a rank names a level of this scale.</summary>
    public bool IsLevel(int rank) => rank >= 0 && rank < Levels.Count;

    /// <summary>The name of a level.</summary>
    public string NameOf(int rank) => IsLevel(rank) ? Levels[rank] : throw new ArgumentOutOfRangeException(nameof(rank), rank, "No such classification level.");

    /// <summary>The rank of a level name in any letter case, or null.</summary>
    public int? RankOf(string name)
    {
        for (var i = 0; i < Levels.Count; i++)
        {
            if (string.Equals(Levels[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// What a person may read: their clearance, but nothing above the lowest level until they have
    /// signed a current confidentiality agreement (policy VIII.B).
    /// </summary>
    public int EffectiveClearance(int personClearance, bool agreementSigned) =>
        agreementSigned ? Math.Clamp(personClearance, Lowest, Highest) : Lowest;
}
