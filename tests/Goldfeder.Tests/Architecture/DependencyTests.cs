using System.Text.RegularExpressions;

namespace Goldfeder.Tests.Architecture;

/// <summary>Dependencies point one way: features → Common → Data/Mail, and features form no cycle (docs/architecture.md).</summary>
public sealed partial class DependencyTests
{
    [Theory]
    [InlineData("Data", new[] { "Goldfeder.Features", "Goldfeder.Common", "Goldfeder.Mail" })]
    [InlineData("Mail", new[] { "Goldfeder.Features", "Goldfeder.Common" })]
    [InlineData("Common", new[] { "Goldfeder.Features" })]
    public void Shared_parts_reach_no_layer_above_them(string folder, string[] forbidden)
    {
        var files = SourceTree.Files(folder).ToList();
        Assert.NotEmpty(files);
        var offenders = files
            .SelectMany(f => forbidden.Where(ns => Regex.IsMatch(f.Text, $@"\b{Regex.Escape(ns)}\b")).Select(ns => $"{f.Path} uses {ns}"))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void Features_form_no_cycle_and_none_uses_the_site_or_staff_code()
    {
        var features = SourceTree.FeatureNames().ToList();
        Assert.Contains("Articles", features);
        var uses = features.ToDictionary(f => f, f => SourceTree.Files($"Features/{f}")
            .SelectMany(file => FeatureReference().Matches(file.Text).Select(m => m.Groups[1].Value))
            .Where(other => other != f && features.Contains(other))
            .ToHashSet());

        var platform = uses.Where(u => u.Value.Contains("Site") || u.Value.Contains("Staff")).Select(u => u.Key).ToList();
        Assert.True(platform.Count == 0, $"features using Site's or Staff's code (shared things belong in Common): {string.Join(", ", platform)}");

        foreach (var start in features)
        {
            var seen = new HashSet<string>();
            var stack = new Stack<string>(uses[start]);
            while (stack.TryPop(out var next))
            {
                Assert.False(next == start, $"{start} depends on itself through {string.Join(", ", seen)}");
                if (seen.Add(next)) foreach (var n in uses[next]) stack.Push(n);
            }
        }
    }

    [Fact]
    public void Program_adds_every_feature()
    {
        var program = File.ReadAllText(Path.Combine(SourceTree.App, "Program.cs"));
        var missing = SourceTree.FeatureNames().Where(f => !program.Contains($".Add{f}(")).ToList();
        Assert.True(missing.Count == 0, $"Program.cs does not add: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"\bGoldfeder\.Features\.(\w+)")]
    private static partial Regex FeatureReference();
}
