using Isms.Web.Cli;

return await IsmsCli.RunAsync(args);
