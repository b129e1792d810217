using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Goldfeder.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditorialImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "Articles",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "WordpressPosts",
                columns: table => new
                {
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    Guid = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OldPath = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WordpressPosts", x => x.PostId);
                    table.ForeignKey(
                        name: "FK_WordpressPosts_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WordpressPosts_ArticleId",
                table: "WordpressPosts",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_WordpressPosts_Guid",
                table: "WordpressPosts",
                column: "Guid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WordpressPosts_OldPath",
                table: "WordpressPosts",
                column: "OldPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WordpressPosts");

            migrationBuilder.DropColumn(
                name: "Author",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Author",
                table: "ArticleRevisions");
        }
    }
}
