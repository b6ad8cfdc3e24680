using Isms.Core.Access;
using Microsoft.Extensions.Localization;

namespace Isms.Web.Features.Access;

/// The configured classification scale (Isms:Classification:Levels, lowest first) and its names
/// in the reader's language: the default names are translated, names an operator adds are shown
/// as written.
public sealed class Classifications(ClassificationScale scale, IStringLocalizer<SharedResource> text)
{
    public ClassificationScale Scale => scale;

    public string Label(int rank)
    {
        if (!scale.IsLevel(rank))
        {
            return rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var name = scale.NameOf(rank);
        return name switch
        {
            "Public" => text["Public"],
            "Internal" => text["Internal"],
            "Sensitive" => text["Sensitive"],
            "Confidential" => text["Confidential"],
            _ => name,
        };
    }

    public IEnumerable<(int Rank, string Label)> Choices(int upTo) =>
        Enumerable.Range(0, Math.Min(upTo, scale.Highest) + 1).Select(rank => (rank, Label(rank)));
}
