using Goldfeder.Common;

namespace Goldfeder.Tests.Common;

public class SlugTests
{
    [Theory]
    [InlineData("Grüße aus Köln", "gruesse-aus-koeln")]
    [InlineData("Ärger über Öl, Übermaß und Straße", "aerger-ueber-oel-uebermass-und-strasse")]
    [InlineData("Macron sucht Draht zu Putin – und stellt sich gegen Trump", "macron-sucht-draht-zu-putin-und-stellt-sich-gegen-trump")]
    [InlineData("Gold: 2.000 $ je Unze?!", "gold-2-000-je-unze")]
    [InlineData("Café Crème à la française", "cafe-creme-a-la-francaise")]
    [InlineData("  --- ", "artikel")]
    [InlineData("ÄÖÜ", "aeoeue")]
    public void Slug_from_a_german_title(string title, string slug)
    {
        Assert.Equal(slug, Slug.From(title));
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void One_overlong_word_is_cut_short()
    {
        Assert.Equal("goldgoldgo", Slug.From("Goldgoldgoldgold", maxLength: 10));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary_without_a_trailing_hyphen()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("Edelmetall", 20)), maxLength: 25);
        Assert.Equal("edelmetall-edelmetall", slug);
        Assert.True(Slug.IsValid(slug));
    }
}
