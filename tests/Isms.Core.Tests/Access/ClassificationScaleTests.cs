using Isms.Core.Access;

namespace Isms.Core.Tests.Access;

public sealed class ClassificationScaleTests
{
    private readonly ClassificationScale _scale = new(ClassificationScale.DefaultLevels);

    [Theory]
    [InlineData(3, true, 3)]
    [InlineData(1, true, 1)]
    [InlineData(3, false, 0)] // no signed agreement: nothing above Public (policy VIII.B)
    [InlineData(9, true, 3)] // a rank above the scale reads as the highest level
    public void EffectiveClearance_NeedsTheAgreement(int clearance, bool agreementSigned, int expected) =>
        Assert.Equal(expected, _scale.EffectiveClearance(clearance, agreementSigned));

    [Fact]
    public void RankOf_IgnoresCaseAndSpaces() =>
        Assert.Equal((int?)2, _scale.RankOf(" sensitive "));

    [Theory]
    [InlineData("")]
    [InlineData("Public,public")]
    [InlineData("Public, ")]
    public void Constructor_EmptyOrDuplicateLevels_Throws(string levels) =>
        Assert.Throws<ArgumentException>(() => new ClassificationScale(levels.Length == 0 ? [] : levels.Split(',')));
}
