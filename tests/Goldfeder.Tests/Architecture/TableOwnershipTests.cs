using System.Reflection;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Architecture;

/// <summary>
/// No feature writes another feature's tables. A table belongs to the part whose <c>…Tables</c> class adds its set to
/// <see cref="GoldfederDb"/>; writing it from anywhere else must go through an API of its owner.
/// </summary>
public sealed partial class TableOwnershipTests
{
    private sealed record Table(string Set, string Name, string Entity, string Owner);

    [Fact]
    public void Every_table_has_one_owner_and_every_entity_a_table_set()
    {
        var tables = Tables();
        Assert.Contains(tables, t => t is { Set: "Subscribers", Owner: "Features/Newsletter" });
        Assert.Contains(tables, t => t is { Set: "OutboxMails", Owner: "Mail" });
        var owned = tables.Select(t => t.Name).ToHashSet();
        var orphans = Model().GetEntityTypes()
            .Where(e => e.GetTableName() is { } name && !name.StartsWith("AspNet") && !owned.Contains(name) && !e.IsPropertyBag)
            .Select(e => e.GetTableName()).ToList();
        Assert.True(orphans.Count == 0, $"tables no part owns (add them to a …Tables class): {string.Join(", ", orphans)}");
    }

    [Fact]
    public void No_feature_writes_another_features_tables()
    {
        var tables = Tables();
        var offenders = new List<string>();
        foreach (var (path, text) in SourceTree.Files().Where(f => f.Path.EndsWith(".cs")))
        {
            var owner = OwnerOfFile(path);
            foreach (var statement in text.Split(';'))
            {
                foreach (var t in tables.Where(t => t.Owner != owner))
                {
                    var writesSet = Regex.IsMatch(statement, $@"\bdb\.{t.Set}(\s*\.\s*Where\([^;]*?\))?\s*\.\s*{EfWrite}\b");
                    var writesSql = SqlWrite().Matches(statement).Any(m => m.Groups[1].Value == t.Entity || m.Groups[2].Value == t.Set || m.Groups[3].Value == t.Name);
                    if (writesSet || writesSql) offenders.Add($"{path} writes {t.Name} (owned by {t.Owner}): {Clip(statement)}");
                }
            }
        }
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    /// <summary>The sets each part adds in its …Tables class, and the DbContext's own (Data's: secrets, data-protection keys).</summary>
    private static List<Table> Tables()
    {
        var model = Model();
        var own = typeof(GoldfederDb).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => model.FindEntityType(p.PropertyType.GetGenericArguments()[0])?.GetTableName() is { } name ? new Table(p.Name, name, p.PropertyType.GetGenericArguments()[0].Name, "Data") : null)
            .OfType<Table>();
        return own.Concat(typeof(GoldfederDb).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Tables"))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name.StartsWith("get_") && m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(DbSet<>)
                    && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(GoldfederDb))
                .Select(m => new Table(m.Name[4..], model.FindEntityType(m.ReturnType.GetGenericArguments()[0])!.GetTableName()!, m.ReturnType.GetGenericArguments()[0].Name, OwnerOfNamespace(t.Namespace!)))))
            .ToList();
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IModel Model()
    {
        using var db = new SqliteGoldfederDb(new DbContextOptionsBuilder<SqliteGoldfederDb>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }

    /// <summary>Goldfeder.Features.Articles.Images → Features/Articles; Goldfeder.Mail → Mail.</summary>
    private static string OwnerOfNamespace(string ns)
    {
        var parts = ns.Split('.');
        return parts[1] == "Features" ? $"Features/{parts[2]}" : parts[1];
    }

    private static string OwnerOfFile(string path)
    {
        var parts = path.Split('/');
        return parts[0] == "Features" ? $"Features/{parts[1]}" : parts[0];
    }

    private static string Clip(string s)
    {
        s = Regex.Replace(s.Trim(), @"\s+", " ");
        return s.Length <= 160 ? s : s[..160] + "…";
    }

    private const string EfWrite = "(Add|AddRange|Remove|RemoveRange|Update|Attach|ExecuteUpdate|ExecuteUpdateAsync|ExecuteDelete|ExecuteDeleteAsync)";

    /// <summary>
    /// A table written in a hand-written statement: by its configuration's constant (<c>"{{SubscriberConfiguration.Table}}"</c>),
    /// by a constant named like its set (<c>"{{Subscribers}}"</c>), or by its name.
    /// </summary>
    [GeneratedRegex(@"(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+""?(?:\{\{(?:\w+\.)?(\w+?)Configuration\.Table\}\}|\{\{(\w+)\}\}|(\w+))""?", RegexOptions.IgnoreCase)]
    private static partial Regex SqlWrite();
}
