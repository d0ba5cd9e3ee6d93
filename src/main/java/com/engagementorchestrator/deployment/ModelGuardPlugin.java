package com.engagementorchestrator.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Deploying a model must not be running code: every new deployment passes {@link ModelCheck} first, and the engine's
 * expressions resolve only the beans the shipped models name (by default Camunda's Spring integration resolves every
 * bean of the application, identityService included), so even an expression that got past the check reaches nothing
 * else; and no script engine is ever handed out.
 */
@Component
class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    ModelGuardPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExpressionPolicy policy = learnShippedModels();
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new ModelCheck(policy, new DmnCheck(DecisionSamples.load(new ObjectMapper())), shippedHtml()));
        configuration.setCustomPreDeployers(preDeployers);
        configuration.setExpressionManager(new SpringExpressionManager(context, new ModelBeans(policy.beans(), context)));
        // The models never run scripts: even a script engine some library brings along is never handed out.
        configuration.setScriptEngineResolver(new NoScriptEngines());
    }

    static final class NoScriptEngines implements ScriptEngineResolver {
        private final ScriptEngineManager none = new ScriptEngineManager(new ClassLoader(null) {
        });

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return none;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            return null;
        }
    }

    private ExpressionPolicy learnShippedModels() {
        ExpressionPolicy.Learner learner = ExpressionPolicy.learner(context::containsBean);
        // Earlier versions of shipped models stay trusted: engagements still run on them, and their steps' beans are kept.
        for (Resource model : java.util.stream.Stream.concat(java.util.Arrays.stream(resources("classpath*:processes/*.bpmn")),
                java.util.Arrays.stream(resources("classpath*:earlier-models/*.bpmn"))).toList()) {
            try (InputStream in = model.getInputStream()) {
                BpmnCheck.learn(in.readAllBytes(), learner);
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("The shipped model " + model.getFilename() + " cannot be read", e);
            }
        }
        return learner.policy();
    }

    private static Set<String> shippedHtml() {
        Set<String> hashes = new HashSet<>();
        for (String pattern : List.of("classpath*:forms/**/*.html", "classpath*:static/**/*.html")) {
            for (Resource page : resources(pattern)) {
                try (InputStream in = page.getInputStream()) {
                    hashes.add(ModelCheck.sha256(in.readAllBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return hashes;
    }

    private static Resource[] resources(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The beans expressions may resolve, looked up when an expression needs one (the context is still starting). */
    static final class ModelBeans extends AbstractMap<Object, Object> {
        private final Set<String> names;
        private final ApplicationContext context;

        ModelBeans(Set<String> names, ApplicationContext context) {
            this.names = Set.copyOf(names);
            this.context = context;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && names.contains(name) && context.containsBean(name);
        }

        @Override
        public Object get(Object key) {
            return containsKey(key) ? context.getBean((String) key) : null;
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
