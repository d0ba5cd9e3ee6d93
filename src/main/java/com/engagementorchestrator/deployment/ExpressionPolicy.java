package com.engagementorchestrator.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a JUEL expression in a deployed model may reach. Expressions run as the server, and JUEL can call any public
 * method of anything it can name, so an expression may use only the "shapes" the shipped models use: a bean by name
 * (a delegate), {@code bean.method(..)} of the helper beans, {@code dateTime().plusDays(..).toDate()},
 * {@code execution.processBusinessKey}; and process variables as plain values (no member access on them). Shapes are
 * learnt from the models shipped in the jar, so the list follows the models instead of a hand-kept copy.
 */
final class ExpressionPolicy {

    /** The engine's own objects: reachable only through the member accesses the shipped models use. */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask",
            "variableScope", "variableContext");

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final Set<String> shapes;
    private final Set<String> delegates;
    private final Predicate<String> isBean;

    private ExpressionPolicy(Set<String> shapes, Set<String> delegates, Predicate<String> isBean) {
        this.shapes = shapes;
        this.delegates = delegates;
        this.isBean = isBean;
    }

    /** The policy the shipped models define: every shape they use, every bean they name as a whole expression. */
    static Learner learner(Predicate<String> isBean) {
        return new Learner(isBean);
    }

    static final class Learner {
        private final Set<String> shapes = new HashSet<>();
        private final Set<String> delegates = new HashSet<>();
        private final Predicate<String> isBean;

        private Learner(Predicate<String> isBean) {
            this.isBean = isBean;
        }

        void learn(String expression, boolean delegatePosition) {
            Tree tree = PARSER.build(expression);
            collect(tree.getRoot());
            if (delegatePosition) {
                single(tree).ifPresent(delegates::add);
            }
        }

        /** Mirrors {@link #check}: the whole member chain is one shape, its arguments are expressions of their own. */
        private void collect(Node node) {
            if (isChain(node)) {
                shapes.add(shape(node, isBean));
                arguments(node).forEach(this::collect);
                return;
            }
            for (int i = 0; i < node.getCardinality(); i++) {
                collect(node.getChild(i));
            }
        }

        ExpressionPolicy policy() {
            return new ExpressionPolicy(Set.copyOf(shapes), Set.copyOf(delegates), isBean);
        }
    }

    /** Beans the shipped models name: the only ones the engine's expressions may resolve. */
    Set<String> beans() {
        Set<String> beans = new HashSet<>();
        for (String shape : shapes) {
            if (shape.startsWith("bean:")) {
                beans.add(shape.substring(5).split("[.(]", 2)[0]);
            }
        }
        return beans;
    }

    /** @return why the expression is refused, or empty when it is allowed */
    Optional<String> check(String expression, boolean delegatePosition) {
        Tree tree;
        try {
            tree = PARSER.build(expression);
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return Optional.of("the expression " + quote(expression) + " cannot be parsed: " + e.getMessage());
        }
        if (delegatePosition) {
            Optional<String> name = single(tree);
            if (name.isEmpty() || !delegates.contains(name.get())) {
                return Optional.of("a delegate expression must name one of the application's delegates, like "
                        + "${recordBrief}; " + quote(expression) + " does not");
            }
            return Optional.empty();
        }
        return check(tree.getRoot(), expression);
    }

    private Optional<String> check(Node node, String expression) {
        if (node instanceof AstLiteral || node instanceof AstText) {
            return Optional.empty();
        }
        if (node instanceof AstBracket) {
            return Optional.of("bracket access like x['name'] is not allowed in " + quote(expression));
        }
        if (isChain(node)) {
            String shape = shape(node, isBean);
            boolean plainVariable = shape.equals("var");
            if (!plainVariable && !shapes.contains(shape)) {
                return Optional.of(refusal(node, shape) + " in " + quote(expression));
            }
            // The arguments of an allowed call are expressions of their own.
            for (Node argument : arguments(node)) {
                Optional<String> problem = check(argument, expression);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                || node instanceof AstParameters || node instanceof AstBinary
                || node instanceof AstUnary || node instanceof AstChoice) {
            for (int i = 0; i < node.getCardinality(); i++) {
                Optional<String> problem = check(node.getChild(i), expression);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        // Fail closed on anything this check does not know.
        return Optional.of("the construct " + node + " is not allowed in " + quote(expression));
    }

    private static boolean isChain(Node node) {
        return node instanceof AstIdentifier || node instanceof AstDot || node instanceof AstMethod
                || node instanceof AstFunction;
    }

    private String refusal(Node node, String shape) {
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            return ENGINE_OBJECTS.contains(name) ? "the engine object '" + name + "' cannot be used on its own"
                    : "'" + name + "' is a server component the models may not use";
        }
        if (node instanceof AstFunction function) {
            return "the function " + function.getName() + "() is not allowed";
        }
        return "'" + readable(shape) + "' is not something the models may call";
    }

    private static String readable(String shape) {
        return shape.replaceFirst("^(bean|engine|fn):", "").replaceFirst("^variable\\.", "<a variable>.")
                .replaceFirst("^other:AstString", "<a text>").replaceFirst("^other:", "");
    }

    /** The arguments of every call along a member chain (each checked on its own). */
    private static List<Node> arguments(Node node) {
        List<Node> arguments = new ArrayList<>();
        Node current = node;
        while (current != null) {
            if (current instanceof AstMethod) {
                Node parameters = current.getChild(1);
                for (int i = 0; i < parameters.getCardinality(); i++) {
                    arguments.add(parameters.getChild(i));
                }
                current = current.getChild(0).getChild(0);
            } else if (current instanceof AstDot) {
                current = current.getChild(0);
            } else if (current instanceof AstFunction) {
                for (int i = 0; i < current.getCardinality(); i++) {
                    arguments.add(current.getChild(i));
                }
                current = null;
            } else {
                current = null;
            }
        }
        return arguments;
    }

    /**
     * The shape of a member chain without its arguments: {@code bean:blockTimers.evidenceDueDate()},
     * {@code fn:dateTime().plusDays().toDate()}, {@code engine:execution.processBusinessKey}, {@code var} for a
     * plain variable; anything rooted elsewhere (a variable's members, a nested expression) is {@code other:...}.
     */
    static String shape(Node node, Predicate<String> isBean) {
        if (node instanceof AstIdentifier identifier) {
            String name = identifier.getName();
            if (ENGINE_OBJECTS.contains(name)) {
                return "engine:" + name;
            }
            return isBean.test(name) ? "bean:" + name : "var";
        }
        if (node instanceof AstFunction function) {
            return "fn:" + function.getName() + "()";
        }
        if (node instanceof AstDot dot) {
            return prefixShape(dot.getChild(0), isBean) + "." + property(dot);
        }
        if (node instanceof AstMethod method) {
            Node property = method.getChild(0);
            if (property instanceof AstDot dot) {
                return prefixShape(dot.getChild(0), isBean) + "." + property(dot) + "()";
            }
            return "other:" + node;
        }
        return "other:" + node.getClass().getSimpleName();
    }

    private static String prefixShape(Node prefix, Predicate<String> isBean) {
        String shape = shape(prefix, isBean);
        // A member of a variable is not a variable: "var.getClass()" must never match a plain variable.
        return shape.equals("var") ? "variable" : shape;
    }

    private static String property(AstDot dot) {
        // AstDot keeps its property name to itself; its toString() is ". name".
        return dot.toString().substring(2);
    }

    private static Optional<String> single(Tree tree) {
        Node root = tree.getRoot();
        if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier identifier) {
            return Optional.of(identifier.getName());
        }
        return Optional.empty();
    }

    private static String quote(String expression) {
        return "\"" + (expression.length() > 200 ? expression.substring(0, 200) + "..." : expression) + "\"";
    }
}
