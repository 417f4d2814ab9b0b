// Realistic Neo4j social-graph service. Leaks: ClientException-only catch letting other unchecked
// exceptions escape.
// Clean: Session and Transaction both in try-with-resources, executeRead lambda, isOpen() guard
// in finally, and (version 2, settled detail 11: closing a Neo4j session ends its open
// transaction) a Session in try-with-resources whose Transaction is not, an early return whose
// finally closes the session.
package cases.realistic;

import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;

public class GraphNeo4jService {

  private final Driver driver;

  public GraphNeo4jService(Driver driver) {
    this.driver = driver;
  }

  public void linkUsersIsClean(String a, String b) {
    try (Session session = driver.session();
        Transaction tx = session.beginTransaction()) {
      tx.run("MATCH (x:User {id:$a}), (y:User {id:$b}) MERGE (x)-[:FOLLOWS]->(y)", Values.parameters("a", a, "b", b));
      tx.commit();
    }
  }

  public void removeUserIsClean(String id) {
    try (Session session = driver.session()) {
      Transaction tx = session.beginTransaction();
      tx.run("MATCH (u:User {id:$id}) DETACH DELETE u", Values.parameters("id", id));
      tx.commit();
    }
  }

  public long countFollowersIsClean(String id) {
    try (Session session = driver.session()) {
      return session.executeRead(
          tx -> tx.run("MATCH (:User {id:$id})<-[:FOLLOWS]-(f) RETURN count(f)", Values.parameters("id", id)).single().get(0).asLong());
    }
  }

  public boolean mergeDuplicateNodesIsClean(String keepId, String dropId) {
    Session session = driver.session();
    Transaction tx = session.beginTransaction();
    try {
      Result result = tx.run("MATCH (d:User {id:$id}) RETURN count(d) AS c", Values.parameters("id", dropId));
      if (result.single().get("c").asInt() == 0) {
        return false;
      }
      tx.run(
          "MATCH (k:User {id:$keep}), (d:User {id:$drop}) MATCH (d)<-[:FOLLOWS]-(f) MERGE (f)-[:FOLLOWS]->(k) DETACH DELETE d",
          Values.parameters("keep", keepId, "drop", dropId));
      tx.commit();
      return true;
    } catch (RuntimeException e) {
      tx.rollback();
      throw e;
    } finally {
      session.close();
    }
  }

  public void importEdgesIsClean(List<String[]> edges) {
    try (Session session = driver.session(SessionConfig.forDatabase("graph"))) {
      Transaction tx = session.beginTransaction();
      try {
        for (String[] edge : edges) {
          tx.run("MERGE (a:User {id:$a}) MERGE (b:User {id:$b}) MERGE (a)-[:FOLLOWS]->(b)", Values.parameters("a", edge[0], "b", edge[1]));
        }
        tx.commit();
      } finally {
        if (tx.isOpen()) {
          tx.rollback();
        }
      }
    }
  }

  public void tagUsersIsClean(List<String> ids, String tag) {
    try (Session session = driver.session()) {
      Transaction tx = session.beginTransaction();
      try {
        for (String id : ids) {
          tx.run("MATCH (u:User {id:$id}) SET u.tags = coalesce(u.tags, []) + $tag", Values.parameters("id", id, "tag", tag));
        }
        tx.commit();
      } catch (ClientException e) {
        tx.rollback();
        throw e;
      }
    }
  }
}
