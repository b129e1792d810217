using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Goldfeder.Data.Migrations.Sqlite
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
                    Relay = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sent = table.Column<long>(type: "INTEGER", nullable: false),
                    Deferred = table.Column<long>(type: "INTEGER", nullable: false),
                    Failed = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextTryUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnreachableSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StateAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
