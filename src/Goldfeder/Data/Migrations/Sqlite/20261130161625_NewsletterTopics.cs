using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Goldfeder.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewsletterTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PausedUntilUtc",
                table: "Subscribers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RepermissionAskedAtUtc",
                table: "Subscribers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TopicId",
                table: "ConsentEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NewsletterTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterTopics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTopics",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignTopics", x => new { x.CampaignId, x.TopicId });
                    table.ForeignKey(
                        name: "FK_CampaignTopics_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignTopics_NewsletterTopics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "NewsletterTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubscriberTopics",
                columns: table => new
                {
                    SubscriberId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubscriberTopics", x => new { x.SubscriberId, x.TopicId });
                    table.ForeignKey(
                        name: "FK_SubscriberTopics_NewsletterTopics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "NewsletterTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubscriberTopics_Subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "Subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentEvents_TopicId",
                table: "ConsentEvents",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignTopics_TopicId",
                table: "CampaignTopics",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsletterTopics_Name",
                table: "NewsletterTopics",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubscriberTopics_TopicId",
                table: "SubscriberTopics",
                column: "TopicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignTopics");

            migrationBuilder.DropTable(
                name: "SubscriberTopics");

            migrationBuilder.DropTable(
                name: "NewsletterTopics");

            migrationBuilder.DropIndex(
                name: "IX_ConsentEvents_TopicId",
                table: "ConsentEvents");

            migrationBuilder.DropColumn(
                name: "PausedUntilUtc",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "RepermissionAskedAtUtc",
                table: "Subscribers");

            migrationBuilder.DropColumn(
                name: "TopicId",
                table: "ConsentEvents");
        }
    }
}
