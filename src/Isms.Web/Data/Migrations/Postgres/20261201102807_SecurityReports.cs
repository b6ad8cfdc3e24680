using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Isms.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    NoticedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AffectedSystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReporterAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReporterPersonId = table.Column<int>(type: "integer", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TriageReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TriagedById = table.Column<Guid>(type: "uuid", nullable: true),
                    TriagedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    ImpactsJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AwareAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Drill = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
