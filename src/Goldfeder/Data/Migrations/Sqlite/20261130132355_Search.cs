using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Goldfeder.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false),
                    ArticleUpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Search (Features/Search/CONTEXT.md): an FTS5 index of the documents' Snowball stems, external content
            // (it stores no copy), kept in step by triggers, so every write of a document is a write of the index.
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
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_terms;");
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
