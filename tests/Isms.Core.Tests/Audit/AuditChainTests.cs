using System.Buffers;
using Isms.Core.Audit;

namespace Isms.Core.Tests.Audit;

/// The keyed hash chain and its canonical content (issue 3, audit trail).
public sealed class AuditChainTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static AuditRecord Record(long sequence, string? changes = "{\"FullName\":[\"a\",\"b\"]}") =>
        new(sequence, new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero), "admin", "陳志明", "person.update", "Person", "42", changes, "127.0.0.1", "req-1");

    [Fact]
    public void Link_SameInput_SameHash()
    {
        using var chain = new AuditChain(Key);

        Assert.Equal(chain.Link(AuditChain.Genesis, Record(1)), chain.Link(AuditChain.Genesis, Record(1)));
    }

    [Fact]
    public void Link_OtherKey_OtherHash()
    {
        using var chain = new AuditChain(Key);
        using var other = new AuditChain(Key.Reverse().ToArray());

        Assert.NotEqual(chain.Link(AuditChain.Genesis, Record(1)), other.Link(AuditChain.Genesis, Record(1)));
    }

    [Fact]
    public void Constructor_ShortKey_Throws() => Assert.Throws<ArgumentException>(() => new AuditChain(new byte[31]));

    [Theory]
    [InlineData("ab", "c", "a", "bc")] // moving a boundary between fields changes the content
    [InlineData(null, "", "", null)] // null and empty are different values
    public void Canonical_DifferentFields_DifferentBytes(string? account1, string? person1, string? account2, string? person2)
    {
        var first = Record(1) with { ActorAccount = account1, ActorPerson = person1 };
        var second = Record(1) with { ActorAccount = account2, ActorPerson = person2 };

        Assert.NotEqual(Canonical(first), Canonical(second));
    }

    [Fact]
    public void Canonical_InstantInAnotherOffset_SameBytes()
    {
        var utc = Record(1);
        var taipei = utc with { At = utc.At.ToOffset(TimeSpan.FromHours(8)) };

        Assert.Equal(Canonical(utc), Canonical(taipei));
    }

    private static byte[] Canonical(AuditRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        record.WriteCanonical(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
