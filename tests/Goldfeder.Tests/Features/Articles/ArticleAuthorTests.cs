using Goldfeder.Features.Articles;

namespace Goldfeder.Tests.Features.Articles;

public class ArticleAuthorTests
{
    [Theory]
    [InlineData("max.muster@example.de", "Max Muster")]
    [InlineData("erika_kaiser-berg@example.de", "Erika Kaiser Berg")]
    [InlineData("redaktion@example.de", "Redaktion")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void The_byline_proposed_for_a_new_article_comes_from_the_login_address(string? email, string author) =>
        Assert.Equal(author, ArticleEditor.AuthorFromEmail(email));
}
