package emhelper;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.logging.Level;

/** A generated-style DAO: works on the thread's EntityManager, demarcates nothing. */
public class PersonDAO {
  private EntityManager getEntityManager() {
    return EntityManagerHelper.getEntityManager();
  }

  public void save(Person entity) {
    EntityManagerHelper.log("saving Person instance", Level.INFO, null);
    try {
      getEntityManager().persist(entity);
      EntityManagerHelper.log("save successful", Level.INFO, null);
    } catch (RuntimeException re) {
      EntityManagerHelper.log("save failed", Level.SEVERE, re);
      throw re;
    }
  }

  public void delete(Person entity) {
    EntityManagerHelper.log("deleting Person instance", Level.INFO, null);
    try {
      Person managed = getEntityManager().getReference(Person.class, entity.getId());
      getEntityManager().remove(managed);
      EntityManagerHelper.log("delete successful", Level.INFO, null);
    } catch (RuntimeException re) {
      EntityManagerHelper.log("delete failed", Level.SEVERE, re);
      throw re;
    }
  }

  public Person update(Person entity) {
    EntityManagerHelper.log("updating Person instance", Level.INFO, null);
    try {
      Person result = getEntityManager().merge(entity);
      EntityManagerHelper.log("update successful", Level.INFO, null);
      return result;
    } catch (RuntimeException re) {
      EntityManagerHelper.log("update failed", Level.SEVERE, re);
      throw re;
    }
  }

  public Person findById(Long id) {
    return getEntityManager().find(Person.class, id);
  }

  @SuppressWarnings("unchecked")
  public List<Person> findByEmail(String email) {
    Query query = EntityManagerHelper.createQuery("select p from Person p where p.email = :email");
    query.setParameter("email", email);
    return query.getResultList();
  }
}
