namespace Isms.Core.Availability;

/// <summary>The length of a roll-up bucket, on the agency's clock.</summary>
public enum RollupSize
{
    /// <summary>One minute.</summary>
    Minute,

    /// <summary>One hour.</summary>
    Hour,

    /// <summary>One local day: in Asia/Taipei from 16:00 UTC.</summary>
    Day,
}
