using System.Text.RegularExpressions;
using System.Xml.Linq;
using Isms.Web.Platform.Localization;

namespace Isms.Web.Tests.Localization;

/// Every text a person reads has its Traditional Chinese translation (issue 2, localization). The
/// keys are the English texts, so a missing translation would silently show English: this test
/// reads the sources for every key and checks the zh-TW resource has it, with the same placeholders.
public sealed partial class TranslationCoverageTests
{
    private const string Literal = "\"((?:[^\"\\\\\\n]|\\\\.)*)\"";

    private static readonly (string Extension, Regex Pattern)[] KeyPatterns =
    [
        (".cshtml", new Regex(@"(?<![\w.])T\[" + Literal + @"\]")),
        (".razor", new Regex(@"(?<![\w.])T\[" + Literal + @"\]")),
        (".cs", new Regex(@"(?<![\w.])text\[" + Literal + @"\]")),
        (".cs", new Regex(@"\bDisplay\s*\(\s*Name\s*=\s*" + Literal)),
        (".cs", new Regex(@"\bErrorMessage\s*=\s*" + Literal)),
        (".cs", new Regex(@"(?<![\w.])F\(" + Literal)),
        (".cs", new Regex(@"\.Localize\(" + Literal)),
    ];

    [Fact]
    public void EveryKeyInTheSources_HasAChineseTranslation()
    {
        var translations = ChineseTranslations();
        var missing = KeysInSources().Concat(EnumLabels.All()).Append(Messages.TooLong)
            .Distinct().Where(key => !translations.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No zh-TW translation for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryTranslation_KeepsThePlaceholdersOfItsKey()
    {
        var wrong = ChineseTranslations()
            .Where(t => !Placeholders(t.Key).SetEquals(Placeholders(t.Value)) || string.IsNullOrWhiteSpace(t.Value))
            .Select(t => $"{t.Key} → {t.Value}").ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void NoTwoKeys_DifferOnlyInCase()
    {
        // The compiled resources keep one of two such keys, so the other shows in English.
        var clashes = ChineseTranslations().Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only in case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void TheSourceScan_FindsKeys()
    {
        // Guards the test itself: a broken pattern would otherwise report nothing missing.
        var keys = KeysInSources().ToHashSet();
        Assert.Contains("People in scope", keys);
        Assert.Contains("Another person has this employee number.", keys);
        Assert.Contains("Full name", keys);
        Assert.True(keys.Count > 150, $"only {keys.Count} keys found");
    }

    private static IEnumerable<string> KeysInSources()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Isms.Web");
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            // Notices are stored in TempData in English and translated where the layout shows them.
            foreach (Match notice in NoticePattern().Matches(text))
            {
                foreach (Match literal in Regex.Matches(notice.Groups[1].Value, Literal))
                {
                    yield return literal.Groups[1].Value;
                }
            }

            foreach (var (extension, pattern) in KeyPatterns.Where(p => file.EndsWith(p.Extension, StringComparison.Ordinal)))
            {
                foreach (Match match in pattern.Matches(text))
                {
                    var key = match.Groups[1].Value;
                    yield return extension == ".cs" ? Regex.Unescape(key) : key;
                }
            }
        }
    }

    private static Dictionary<string, string> ChineseTranslations()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Isms.Web", "Resources", "SharedResource.zh-TW.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Isms.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Isms.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("TempData\\[\"Notice\"\\]\\s*=\\s*([^;]*);")]
    private static partial Regex NoticePattern();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
