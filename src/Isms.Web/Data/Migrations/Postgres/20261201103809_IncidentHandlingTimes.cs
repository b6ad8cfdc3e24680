using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Isms.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncidentHandlingTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "SecurityReport",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalReference",
                table: "SecurityReport",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecoveredAt",
                table: "SecurityReport",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReportedExternallyAt",
                table: "SecurityReport",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ExternalReference",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "RecoveredAt",
                table: "SecurityReport");

            migrationBuilder.DropColumn(
                name: "ReportedExternallyAt",
                table: "SecurityReport");
        }
    }
}
