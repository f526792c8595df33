namespace AuthActors.Interop.Squid;

/// <summary>Basic proxy authentication.</summary>
public sealed class SquidBasicFixture : SquidFixture
{
    internal override SquidOptions Options { get; } = new() { Scheme = "basic" };
}
