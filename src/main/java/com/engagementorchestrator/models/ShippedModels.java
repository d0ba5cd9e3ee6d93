package com.engagementorchestrator.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessApplicationDeployment;
import org.camunda.bpm.engine.repository.ProcessApplicationDeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models (processes/) and forms (forms/) shipped with the application, named by their path from the
 * classpath root ({@code processes/engagement.bpmn}, {@code forms/pay-deposit.html}) whether the app runs from
 * target/classes or from the repackaged jar. Camunda's own process-archive scan names them after their place in the
 * jar ({@code BOOT-INF/classes/...}), which breaks every {@code embedded:deployment:forms/...} key, and it would also
 * deploy our static pages; META-INF/processes.xml therefore declares no archive and this deploys instead.
 * <p>
 * All resources go into one deployment so that an embedded form is always next to the model that names it. Nothing is
 * deployed when nothing changed since the last deployment; when anything changed, all of it is deployed again.
 */
@Component
public class ShippedModels {

    public static final String DEPLOYMENT_NAME = "engagement-orchestrator";
    static final String[] ROOTS = {"processes/", "forms/"};
    /** What the engine deploys (models, Camunda Forms) and what Tasklist loads (embedded HTML forms); nothing else. */
    static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form", ".html");

    private static final Logger log = LoggerFactory.getLogger(ShippedModels.class);

    private final SpringBootProcessApplication application;

    public ShippedModels(SpringBootProcessApplication application) {
        this.application = application;
    }

    /** After the process application started, before the application is ready (and before demo data or jobs). */
    @EventListener
    public void deploy(PostDeployEvent event) {
        RepositoryService repository = event.getProcessEngine().getRepositoryService();
        Map<String, byte[]> resources = resources();
        if (resources.isEmpty()) {
            throw new IllegalStateException("No models found on the classpath under " + String.join(", ", ROOTS));
        }
        ProcessApplicationDeploymentBuilder deployment = repository.createDeployment(application.getReference())
                .name(DEPLOYMENT_NAME)
                .source(ProcessApplicationDeployment.PROCESS_APPLICATION_DEPLOYMENT_SOURCE)
                // all or nothing: an embedded form must be in the deployment of the model that references it
                .enableDuplicateFiltering(false)
                // earlier versions with running instances keep working in this application
                .resumePreviousVersions();
        resources.forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        ProcessApplicationDeployment deployed = deployment.deploy();
        log.info("Models: {} resources, deployment {}", resources.size(), deployed.getId());
    }

    /** Every model and form under the roots, keyed by its path from the classpath root. */
    static Map<String, byte[]> resources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(ShippedModels.class.getClassLoader());
        Map<String, byte[]> found = new TreeMap<>();
        try {
            for (String root : ROOTS) {
                Resource rootDirectory = resolver.getResource("classpath:" + root);
                if (!rootDirectory.exists()) {
                    continue;
                }
                String rootUrl = rootDirectory.getURL().toString();
                for (Resource resource : resolver.getResources("classpath:" + root + "**")) {
                    String url = resource.getURL().toString();
                    if (url.endsWith("/") || !resource.isReadable() || SUFFIXES.stream().noneMatch(url::endsWith)) {
                        continue; // a directory, or something kept next to the models that is not one
                    }
                    if (!url.startsWith(rootUrl)) {
                        throw new IllegalStateException("Model " + url + " is not under " + rootUrl);
                    }
                    try (InputStream in = resource.getInputStream()) {
                        found.put(root + url.substring(rootUrl.length()), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Models could not be read from the classpath", e);
        }
        return found;
    }
}
