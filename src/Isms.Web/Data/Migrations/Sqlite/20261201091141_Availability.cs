using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Isms.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Availability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AvailabilityService",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 7, scale: 6, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilityService", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AvailabilitySetting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    MaintenanceCountsAsDowntime = table.Column<bool>(type: "INTEGER", nullable: false),
                    CertificateWarningDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilitySetting", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProbeNode",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeNode", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceWindow",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false),
                    Notice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnnouncedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnnouncedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceWindow", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaintenanceWindow_AvailabilityService_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "AvailabilityService",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceMonitor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExpectedStatus = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BodyContains = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CertificateWarningDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Port = table.Column<int>(type: "INTEGER", nullable: true),
                    PushTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IntervalSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeoutSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    FailuresToOpen = table.Column<int>(type: "INTEGER", nullable: false),
                    Critical = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceMonitor", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceMonitor_AvailabilityService_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "AvailabilityService",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitorGap",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MonitorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorGap", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitorGap_ServiceMonitor_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "ServiceMonitor",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitorRollup",
                columns: table => new
                {
                    MonitorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    Probes = table.Column<int>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LatencySumMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LatencyMaxMs = table.Column<int>(type: "INTEGER", nullable: false),
                    DownSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownSeconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorRollup", x => new { x.MonitorId, x.Size, x.Start });
                    table.ForeignKey(
                        name: "FK_MonitorRollup_ServiceMonitor_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "ServiceMonitor",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitorState",
                columns: table => new
                {
                    MonitorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstFailureAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenOutageId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstSampleAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSampleAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSuccess = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastLatencyMs = table.Column<int>(type: "INTEGER", nullable: true),
                    LastStatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CertificateExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastBeatAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    RolledUpTo = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitorState", x => x.MonitorId);
                    table.ForeignKey(
                        name: "FK_MonitorState_ServiceMonitor_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "ServiceMonitor",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outage",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MonitorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Start = table.Column<long>(type: "INTEGER", nullable: false),
                    End = table.Column<long>(type: "INTEGER", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotServiceFault = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outage", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outage_ServiceMonitor_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "ServiceMonitor",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProbeResult",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MonitorId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Success = table.Column<bool>(type: "INTEGER", nullable: false),
                    LatencyMs = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusCode = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProbeResult", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProbeResult_ServiceMonitor_MonitorId",
                        column: x => x.MonitorId,
                        principalTable: "ServiceMonitor",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutageService",
                columns: table => new
                {
                    OutageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutageService", x => new { x.OutageId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_OutageService_AvailabilityService_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "AvailabilityService",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutageService_Outage_OutageId",
                        column: x => x.OutageId,
                        principalTable: "Outage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityService_Name",
                table: "AvailabilityService",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaintenanceWindow_ServiceId_Start",
                table: "MaintenanceWindow",
                columns: new[] { "ServiceId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitorGap_MonitorId_Start",
                table: "MonitorGap",
                columns: new[] { "MonitorId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Outage_MonitorId_Start",
                table: "Outage",
                columns: new[] { "MonitorId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Outage_Start",
                table: "Outage",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_OutageService_ServiceId",
                table: "OutageService",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProbeResult_At",
                table: "ProbeResult",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ProbeResult_MonitorId_At",
                table: "ProbeResult",
                columns: new[] { "MonitorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceMonitor_PushTokenHash",
                table: "ServiceMonitor",
                column: "PushTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceMonitor_ServiceId",
                table: "ServiceMonitor",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvailabilitySetting");

            migrationBuilder.DropTable(
                name: "MaintenanceWindow");

            migrationBuilder.DropTable(
                name: "MonitorGap");

            migrationBuilder.DropTable(
                name: "MonitorRollup");

            migrationBuilder.DropTable(
                name: "MonitorState");

            migrationBuilder.DropTable(
                name: "OutageService");

            migrationBuilder.DropTable(
                name: "ProbeNode");

            migrationBuilder.DropTable(
                name: "ProbeResult");

            migrationBuilder.DropTable(
                name: "Outage");

            migrationBuilder.DropTable(
                name: "ServiceMonitor");

            migrationBuilder.DropTable(
                name: "AvailabilityService");
        }
    }
}
