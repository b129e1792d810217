using System.Diagnostics;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests;

/// <summary>The operator commands as an operator runs them: a separate process, arguments, standard input, exit code.</summary>
public class OperatorCommandProcessTests
{
    [Fact]
    public async Task Admin_create_reads_the_password_from_standard_input_and_refuses_a_weak_one()
    {
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            var created = await RunAsync(database, "Stdin-Passwort-123\n", "admin", "create", "--email", "stdin@example.de", "--role", "Editor");
            Assert.True(created.Code == 0, created.Error);
            Assert.Contains("created: stdin@example.de (Editor)", created.Output);
            Assert.DoesNotContain("Stdin-Passwort-123", created.Output);

            var weak = await RunAsync(database, "kurz\n", "admin", "create", "--email", "weak@example.de", "--role", "Editor");
            Assert.Equal(1, weak.Code);
            Assert.Contains("mindestens 12 Zeichen", weak.Error);

            var missing = await RunAsync(database, "", "admin", "create", "--email", "leer@example.de", "--role", "Editor");
            Assert.Equal(2, missing.Code);
        });
    }

    [Theory]
    [InlineData("--help", "Goldfeder campaigns send ID")]
    [InlineData("help", "Goldfeder backup FILE")]
    [InlineData("campaigns --help", "Goldfeder campaigns send ID")]
    [InlineData("backup -h", "Goldfeder restore FILE")]
    public async Task Help_prints_the_commands_and_starts_no_web_server(string arguments, string expected)
    {
        // A database name that cannot exist: asking for help must not touch it (nor start the site on it).
        var result = await RunAsync("Data Source=/nonexistent/folder/goldfeder.db", "", arguments.Split(' '));

        Assert.True(result.Code == 0, result.Error);
        Assert.StartsWith("usage:", result.Output);
        Assert.Contains(expected, result.Output);
        if (arguments.StartsWith("campaigns")) Assert.DoesNotContain("Goldfeder consent", result.Output);
    }

    [Fact]
    public async Task Consent_proof_of_an_unknown_address_exits_with_1_and_prints_nothing_on_stdout()
    {
        // Against the database of a site that has run, as an operator asks it.
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            var result = await RunAsync(database, "", "consent", "proof", "niemand@example.de");
            Assert.Equal(1, result.Code);
            Assert.Equal("", result.Output.Trim());
        }, migrated: true);
    }

    [Fact]
    public async Task Import_wordpress_prints_a_summary_and_refuses_a_broken_file_with_its_line()
    {
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            var broken = Path.Combine(Path.GetTempPath(), $"wxr-{Guid.NewGuid():N}.xml");
            File.WriteAllText(broken, File.ReadAllText(Features.Articles.WordpressImport.WordpressImportTests.Export).Replace("<title><![CDATA[Platin im Überblick]]></title>", "<title></title>"));
            try
            {
                var refused = await RunAsync(database, "", "import", "wordpress", broken);
                Assert.Equal(1, refused.Code);
                Assert.Contains("line 131: Beitrag ohne Titel; nothing was imported", refused.Error);

                var imported = await RunAsync(database, "", "import", "wordpress", Features.Articles.WordpressImport.WordpressImportTests.Export);
                Assert.True(imported.Code == 0, imported.Error);
                Assert.Equal("imported: 4 (published 2, scheduled 1, drafts 1), skipped as already imported: 0", imported.Output.Trim());

                var again = await RunAsync(database, "", "import", "wordpress", Features.Articles.WordpressImport.WordpressImportTests.Export);
                Assert.Equal("imported: 0 (published 0, scheduled 0, drafts 0), skipped as already imported: 4", again.Output.Trim());
            }
            finally
            {
                File.Delete(broken);
            }
        }, migrated: true);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(string database, string input, params string[] args) =>
        OperatorProcess.RunAsync(database, input, args);
}
