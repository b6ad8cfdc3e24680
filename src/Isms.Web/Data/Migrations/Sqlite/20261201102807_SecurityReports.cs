using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Isms.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SecurityReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SecurityReport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    NoticedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AffectedSystem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReporterAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReporterPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TriageReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TriagedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    TriagedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    ImpactsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AwareAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Drill = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SecurityReport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SecurityReport_Person_ReporterPersonId",
                        column: x => x.ReporterPersonId,
                        principalTable: "Person",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReport_Number",
                table: "SecurityReport",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReport_ReporterAccountId",
                table: "SecurityReport",
                column: "ReporterAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReport_ReporterPersonId",
                table: "SecurityReport",
                column: "ReporterPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReport_Status_OccurredAt_AwareAt",
                table: "SecurityReport",
                columns: new[] { "Status", "OccurredAt", "AwareAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SecurityReport_Year_Sequence",
                table: "SecurityReport",
                columns: new[] { "Year", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SecurityReport");
        }
    }
}
