package io.trawl.worker;

import io.temporal.worker.Worker;
import io.trawl.activities.etl.DataDirectory;
import io.trawl.activities.etl.EtlDownloadActivitiesImpl;
import io.trawl.activities.etl.EtlHttp;
import io.trawl.activities.etl.EtlManifestActivitiesImpl;
import io.trawl.activities.etl.EtlProbeActivitiesImpl;
import io.trawl.activities.etl.EtlValidateActivitiesImpl;
import io.trawl.activities.etl.FileValidator;
import io.trawl.activities.etl.RequestHeaders;
import io.trawl.activities.etl.ResumableDownload;
import io.trawl.activities.etl.SourceProber;
import io.trawl.activities.etl.SourceUrls;
import io.trawl.activities.etl.store.EtlManifestRepository;
import io.trawl.activities.etl.store.EtlQuarantineRepository;
import io.trawl.activities.etl.store.EtlRunRepository;
import io.trawl.worker.etl.EtlWorkerSettings;
import io.trawl.workflows.common.RunInputs;
import io.trawl.workflows.etl.EtlBatchWorkflowImpl;
import io.trawl.workflows.etl.EtlSourceWorkflowImpl;
import java.time.Clock;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;

/** Registers the ETL pipeline's workflows and activity implementations on a worker. */
public final class EtlRegistration {
  private EtlRegistration() {}

  public static void register(Worker worker, DataSource dataSource, EtlWorkerSettings settings) {
    registerWorkflows(worker);
    registerActivities(worker, dataSource, settings);
  }

  public static void registerWorkflows(Worker worker) {
    worker.registerWorkflowImplementationTypes(
        RunInputs.STARTABLE, EtlSourceWorkflowImpl.class, EtlBatchWorkflowImpl.class);
  }

  public static void registerActivities(
      Worker worker, DataSource dataSource, EtlWorkerSettings settings) {
    OkHttpClient http = EtlHttp.newClient();
    SourceUrls urls = new SourceUrls(settings.sandboxFilesUrl());
    RequestHeaders headers = new RequestHeaders(settings.environment());
    DataDirectory data = new DataDirectory(settings.dataDirectory());
    worker.registerActivitiesImplementations(
        new EtlProbeActivitiesImpl(new SourceProber(http, urls, headers)),
        new EtlDownloadActivitiesImpl(new ResumableDownload(http), urls, headers, data),
        new EtlValidateActivitiesImpl(new FileValidator(), data, Clock.systemUTC()),
        new EtlManifestActivitiesImpl(
            data,
            new EtlManifestRepository(dataSource),
            new EtlQuarantineRepository(dataSource),
            new EtlRunRepository(dataSource)));
  }
}
