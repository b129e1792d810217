using System.Text.RegularExpressions;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Goldfeder.Tests.Data;

/// <summary>
/// Every entity with a column that can hold personal data (an address, a name, a phone number, an IP address, a user
/// agent, a file) is covered by some feature's <see cref="IPersonalData"/>, so the officer's lookup, export and erasure
/// reach it. A column is judged by its name, generously; what looks personal but is not (a tag's name) or belongs to
/// staff is listed below with the reason, where a reviewer sees it.
/// </summary>
public sealed partial class PersonalDataCoverageTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    /// <summary>Columns whose names look personal but hold no reader's, subscriber's or applicant's data.</summary>
    private static readonly Dictionary<string, string> NotAboutReaders = new()
    {
        ["Secret.Name"] = "the name of a site key",
        ["Category.Name"] = "a topic's name",
        ["Tag.Name"] = "a topic's name",
        ["NewsletterTopic.Name"] = "a newsletter topic's name",
        ["DataProtectionKey.FriendlyName"] = "ASP.NET Core's key id",
        ["IdentityRole.Name"] = "a role's name",
        ["IdentityRole.NormalizedName"] = "a role's name",
        ["IdentityUserToken<string>.Name"] = "a token's name",
        ["IdentityUserLogin<string>.ProviderDisplayName"] = "an external login provider's name",
        // Staff: employment data (§ 26 BDSG), kept while the person works here, removed with the account by Admin
        // (`Goldfeder admin`), not through the officer's page for readers and applicants.
        ["AdminUser.Email"] = "staff account",
        ["AdminUser.NormalizedEmail"] = "staff account",
        ["AdminUser.UserName"] = "staff account",
        ["AdminUser.NormalizedUserName"] = "staff account",
        ["AdminUser.PhoneNumber"] = "staff account",
        ["AdminUser.EmailConfirmed"] = "staff account",
        ["AdminUser.PhoneNumberConfirmed"] = "staff account",
        ["AdminUser.TwoFactorEnabled"] = "staff account",
        ["Article.Author"] = "the author's byline, published with the article",
        ["ArticleRevision.Author"] = "the author's byline, published with the article",
        ["ArticleRevision.SavedBy"] = "the staff member who saved",
        ["Image.UploadedBy"] = "the staff member who uploaded",
        ["JobLease.Name"] = "the name of a background job's lease",
        ["StaffPolicy.RequireTwoFactor"] = "a site-wide setting, not a person's",
        ["AuthorProfile.Name"] = "the author's byline, published with the bio the author agreed to",
        ["LegalPageRevision.SavedBy"] = "the staff member who saved",
        ["JobPosting.ContactName"] = "HR's published contact person",
        ["JobPosting.ContactEmail"] = "HR's published contact address",
    };

    [GeneratedRegex("mail|name|phone|telefon|ipaddress|useragent|recipient|author|actor|by$|file", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalLooking();

    [Fact]
    public async Task Every_entity_with_a_personal_data_column_is_covered_by_a_contributor()
    {
        var (model, covered) = await _app.InScopeAsync(s => Task.FromResult((
            s.GetRequiredService<GoldfederDb>().Model,
            s.GetServices<IPersonalData>().SelectMany(p => p.Covers).ToList())));

        var uncovered = PersonalColumns(model)
            .Where(c => !covered.Any(t => t.IsAssignableFrom(c.Entity.ClrType)) && !NotAboutReaders.ContainsKey(c.Name))
            .Select(c => c.Name).ToList();

        Assert.True(uncovered.Count == 0,
            "personal-data columns no IPersonalData covers (add the entity to a contributor's Covers, or explain here why it holds no reader's data): "
            + string.Join(", ", uncovered));
    }

    [Fact]
    public async Task The_check_sees_the_columns_that_matter()
    {
        var model = await _app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<GoldfederDb>().Model));

        var seen = PersonalColumns(model).Select(c => c.Name).ToHashSet();

        Assert.Empty(new HashSet<string>
        {
            "Subscriber.Email", "ConsentEvent.IpAddress", "ConsentEvent.UserAgent", "Application.Name", "Application.Email",
            "Application.Phone", "ApplicationFile.StoredName", "OutboxMail.Recipient", "Suppression.NormalizedEmail", "AuditEntry.Actor",
        }.Except(seen));
        Assert.Empty(NotAboutReaders.Keys.Except(seen));
    }

    private static IEnumerable<(IEntityType Entity, string Name)> PersonalColumns(IModel model) =>
        from e in model.GetEntityTypes()
        from p in e.GetProperties()
        where PersonalLooking().IsMatch(p.Name)
        select (e, $"{e.DisplayName()}.{p.Name}");

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
