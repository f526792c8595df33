using System.Text;
using AuthActors.Configuration;
using Microsoft.Extensions.Configuration;

namespace AuthActors.Tests.Configuration;

/// <summary>A small file whose substitutions double at each step must fail, located, instead of
/// taking the process past gigabytes.</summary>
public sealed class HoconExpansionBombTests
{
    [Theory]
    [InlineData("\"xxxxxxxx\"", "${{k{0}}}${{k{0}}}", "characters")]
    [InlineData("[1, 2, 3, 4]", "${{k{0}}} ${{k{0}}}", "elements")]
    public void DoublingSubstitutions_FailLocated_NamingTheKey(string seed, string doubling, string unit)
    {
        var text = new StringBuilder($"k0 = {seed}\n");
        for (int i = 1; i <= 40; i++)
        {
            text.Append('k').Append(i).Append(" = ").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, doubling, i - 1).Append('\n');
        }

        Assert.True(text.Length < 1024);
        long before = GC.GetTotalAllocatedBytes(precise: false);

        HoconException error = Assert.ThrowsAny<HoconException>(() =>
            new ConfigurationBuilder().AddHoconString(text.ToString(), "bomb.conf").Build());

        Assert.StartsWith("bomb.conf:", error.Message, StringComparison.Ordinal);
        Assert.Contains(unit, error.Message, StringComparison.Ordinal);
        Assert.Matches(@"'k\d+'", error.Message);
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 512L * 1024 * 1024, "the refusal itself must not cost gigabytes");
    }

    [Fact]
    public void RepeatedSubstitution_WellUnderTheBounds_StillResolves()
    {
        IConfigurationRoot config = new ConfigurationBuilder().AddHoconString("a = x, b = ${a}${a}, c = ${b}${b}").Build();

        Assert.Equal("xxxx", config["c"]);
    }
}
