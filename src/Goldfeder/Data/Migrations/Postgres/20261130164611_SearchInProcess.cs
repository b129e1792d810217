using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Goldfeder.Data.Migrations.Postgres
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

            // Search runs on an in-process index per instance (Features/Search/CONTEXT.md); the generated vectors and
            // their GIN indexes are no longer read, so saves stop paying for them.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS search_documents_vector;
                DROP INDEX IF EXISTS search_documents_title;
                ALTER TABLE "SearchDocuments" DROP COLUMN IF EXISTS search_vector, DROP COLUMN IF EXISTS search_title;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
                    (to_tsvector('german', "Title" || ' ' || "Text")) STORED;
                ALTER TABLE "SearchDocuments" ADD COLUMN search_title tsvector GENERATED ALWAYS AS
                    (to_tsvector('german', "Title")) STORED;
                CREATE INDEX search_documents_vector ON "SearchDocuments" USING GIN (search_vector);
                CREATE INDEX search_documents_title ON "SearchDocuments" USING GIN (search_title);
                """);
            migrationBuilder.DropIndex(
                name: "IX_Articles_UpdatedAtUtc_Status_PublishedAtUtc",
                table: "Articles");
        }
    }
}
