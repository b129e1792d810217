using System.Text.RegularExpressions;
using Goldfeder.Common;
using Goldfeder.Tests.Architecture;

namespace Goldfeder.Tests.Common;

public class AuditActionsTests
{
    /// <summary>Every literal audit code in the source has a German label, so a new action cannot appear in English.</summary>
    [Fact]
    public void Every_audit_code_written_in_the_code_has_a_German_label()
    {
        var codes = SourceTree.Files()
            .SelectMany(f => Regex.Matches(f.Text, @"""((?:article|image|wordpress|topic|legal|campaign|subscribers|suppression|consent|posting|application|staff|subject-request)\.[a-z.-]+)""").Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.NotEmpty(codes);
        var missing = codes.Where(c => AuditActions.German(c) == c).ToList();
        Assert.True(missing.Count == 0, "no German label for: " + string.Join(", ", missing));
    }

    [Fact]
    public void An_API_call_is_named_with_its_role() => Assert.Equal("API-Aufruf (send)", AuditActions.German("api.send"));
}
