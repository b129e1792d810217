using System.Reflection;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Goldfeder.Tests.Data;

/// <summary>
/// Every hand-written statement (each <see cref="SqlStatement"/> in a feature's SQL file) against the EF Core model of
/// its provider: the tables it names exist, every other name it quotes is a column of one of those tables, and no
/// enum value is typed into it. So a renamed table, column or enum value fails here, not in production.
/// </summary>
public sealed partial class HandWrittenSqlTests
{
    // The alias EF Core's SqlQuery<T> reads a scalar from.
    private const string ScalarColumn = "Value";

    public static TheoryData<string> Statements() => [.. AllStatements().Keys];

    [Fact]
    public void The_statements_are_found_in_every_feature_that_has_some()
    {
        var owners = AllStatements().Keys.Select(name => name.Split('.')[0]).ToHashSet();
        Assert.Equal(new[] { "BounceSql", "CampaignsSql", "JobLeaseTables", "MailSql", "NewsletterSql" }, owners.Order());
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Each_statement_names_only_tables_and_columns_of_the_model_and_types_no_enum_value(string name)
    {
        var statement = AllStatements()[name];
        Check(name + " (SQLite)", statement.Sqlite, SqliteTables.Value);
        Check(name + " (PostgreSQL)", statement.Postgres, PostgresTables.Value);
        // Side by side, the variants name the same things.
        Assert.Equal(Quoted(statement.Sqlite).Order(), Quoted(statement.Postgres).Order());
    }

    private static void Check(string name, string sql, Dictionary<string, HashSet<string>> tables)
    {
        var quoted = Quoted(sql).ToList();
        var used = quoted.Where(tables.ContainsKey).ToList();
        Assert.True(used.Count > 0, $"{name} names no table of the model: {string.Join(", ", quoted)}");
        var columns = used.SelectMany(t => tables[t]).Append(ScalarColumn).ToHashSet();
        var unknown = quoted.Where(q => !tables.ContainsKey(q) && !columns.Contains(q)).ToList();
        Assert.True(unknown.Count == 0, $"{name} names what is no column of {string.Join(", ", used)}: {string.Join(", ", unknown)}");

        var typed = Literal().Matches(sql).Select(m => m.Groups[1].Value).Where(EnumValues.Value.Contains).ToList();
        Assert.True(typed.Count == 0, $"{name} types enum values instead of passing them as parameters: {string.Join(", ", typed)}");
    }

    private static IEnumerable<string> Quoted(string sql) => Identifier().Matches(sql).Select(m => m.Groups[1].Value).Distinct();

    private static Dictionary<string, SqlStatement> AllStatements() =>
        typeof(SqlStatement).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(SqlStatement))
            .ToDictionary(f => $"{f.DeclaringType!.Name}.{f.Name}", f => (SqlStatement)f.GetValue(null)!);

    private static readonly Lazy<Dictionary<string, HashSet<string>>> SqliteTables = new(() =>
        TablesOf(new SqliteGoldfederDb(new DbContextOptionsBuilder<SqliteGoldfederDb>().UseSqlite("Data Source=:memory:").Options)));

    private static readonly Lazy<Dictionary<string, HashSet<string>>> PostgresTables = new(() =>
        TablesOf(new PostgresGoldfederDb(new DbContextOptionsBuilder<PostgresGoldfederDb>().UseNpgsql("Host=localhost").Options)));

    private static Dictionary<string, HashSet<string>> TablesOf(GoldfederDb db)
    {
        using (db)
            return db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables
                .ToDictionary(t => t.Name, t => t.Columns.Select(c => c.Name).ToHashSet());
    }

    // Every value of every enum the model stores (as text).
    private static readonly Lazy<HashSet<string>> EnumValues = new(() =>
    {
        using var db = new SqliteGoldfederDb(new DbContextOptionsBuilder<SqliteGoldfederDb>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Where(t => t.IsEnum)
            .SelectMany(Enum.GetNames).ToHashSet();
    });

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Identifier();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Literal();
}
