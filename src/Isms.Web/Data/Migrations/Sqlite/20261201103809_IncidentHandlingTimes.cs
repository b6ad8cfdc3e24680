using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Isms.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentHandlingTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "SecurityReport",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalReference",
                table: "SecurityReport",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecoveredAt",
                table: "SecurityReport",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportedExternallyAt",
                table: "SecurityReport",
                type: "INTEGER",
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
