using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Goldfeder.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchInProcess : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Articles_UpdatedAtUtc_Status_PublishedAtUtc",
                table: "Articles",
                columns: new[] { "UpdatedAtUtc", "Status", "PublishedAtUtc" });

            // Search runs on an in-process index per instance (Features/Search/CONTEXT.md); the FTS5 table and its
            // triggers are no longer read, so saves stop paying for them.
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS search_documents_inserted;
                DROP TRIGGER IF EXISTS search_documents_deleted;
                DROP TRIGGER IF EXISTS search_documents_updated;
                DROP TABLE IF EXISTS search_terms;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_terms USING fts5("TitleTerms", "Terms",
                    content='SearchDocuments', content_rowid='ArticleId', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER search_documents_inserted AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO search_terms(rowid, "TitleTerms", "Terms") VALUES (new."ArticleId", new."TitleTerms", new."Terms");
                END;
                CREATE TRIGGER search_documents_deleted AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO search_terms(search_terms, rowid, "TitleTerms", "Terms") VALUES ('delete', old."ArticleId", old."TitleTerms", old."Terms");
                END;
                CREATE TRIGGER search_documents_updated AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO search_terms(search_terms, rowid, "TitleTerms", "Terms") VALUES ('delete', old."ArticleId", old."TitleTerms", old."Terms");
                    INSERT INTO search_terms(rowid, "TitleTerms", "Terms") VALUES (new."ArticleId", new."TitleTerms", new."Terms");
                END;
                INSERT INTO search_terms(search_terms) VALUES ('rebuild');
                """);
            migrationBuilder.DropIndex(
                name: "IX_Articles_UpdatedAtUtc_Status_PublishedAtUtc",
                table: "Articles");
        }
    }
}
