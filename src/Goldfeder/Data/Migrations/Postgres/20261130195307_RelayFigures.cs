using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Goldfeder.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RelayFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RelayFigures",
                columns: table => new
                {
                    Relay = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sent = table.Column<long>(type: "bigint", nullable: false),
                    Deferred = table.Column<long>(type: "bigint", nullable: false),
                    Failed = table.Column<long>(type: "bigint", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NextTryUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnreachableSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StateAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelayFigures", x => x.Relay);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RelayFigures");
        }
    }
}
