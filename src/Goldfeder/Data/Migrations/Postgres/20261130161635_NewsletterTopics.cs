using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Goldfeder.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RepermissionAskedAtUtc",
                table: "Subscribers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TopicId",
                table: "ConsentEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NewsletterTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsletterTopics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignTopics",
                columns: table => new
                {
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    TopicId = table.Column<int>(type: "integer", nullable: false)
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
                    SubscriberId = table.Column<int>(type: "integer", nullable: false),
                    TopicId = table.Column<int>(type: "integer", nullable: false),
                    SinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
