/**
 * Task flows (procedures): the durable engine that runs the flows uploads ask for, and the
 * {@link io.openvod.platform.flow.TaskStep}s it runs (transcoding, snapshots, cover, review).
 *
 * <p>Ports: {@link io.openvod.platform.flow.TaskQueue} (flows and their tasks: starting, claiming
 * with a lease, recording results) and {@link io.openvod.platform.flow.ProcedureTemplateStore}
 * (applications' own templates), implemented on SQLite and PostgreSQL by the {@code Sql*} classes,
 * the only ones here that use JDBI. The rules are the domain's: {@link io.openvod.platform.flow.Procedures}
 * (templates and the tasks a flow runs), {@link io.openvod.platform.flow.FlowEvents} (which event a
 * change writes), {@link io.openvod.platform.flow.MediaChange} (what a success changes on the
 * media), {@link io.openvod.platform.flow.JointSteps} (which tasks of a flow a worker claims
 * together, to run them in one pass of a {@link io.openvod.platform.flow.JointStep}, e.g. every
 * rendition from one decode; the queue takes them in the claim's transaction,
 * {@link io.openvod.platform.flow.TaskQueue.Companions}) and
 * {@link io.openvod.platform.flow.FlowEngine} (running, retrying, timing out). A flow
 * keeps its trace ({@code task_flows.trace_id}); each task attempt runs in a step {@code task <Type>}
 * of it, and the events it writes carry that step's {@code traceparent}.
 */
package io.openvod.platform.flow;
